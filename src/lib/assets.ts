import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { hashText, listFiles } from './digest.ts';
import type { ContentProblem } from './problems.ts';
import { BoundedCache, DISTINCT_INPUTS } from './memo.ts';
import { settings } from '../settings.ts';

/** The largest figure or download a release may hold: a playbook template, not a video. */
export const ASSET_LIMIT = 5 * 1024 * 1024;

/** Images a page may show with <Figure>, by extension, and how they are named to a reader. */
export const FIGURE_FORMATS: Record<string, string> = { svg: 'SVG image', png: 'PNG image', jpg: 'JPEG image', jpeg: 'JPEG image', webp: 'WebP image' };

/** Files a page may offer with <Download>, by extension, and how they are named to a reader. */
export const DOWNLOAD_FORMATS: Record<string, string> = {
  pdf: 'PDF',
  csv: 'CSV spreadsheet',
  xlsx: 'Excel workbook',
  docx: 'Word document',
  odt: 'OpenDocument text',
  txt: 'Plain text',
  md: 'Markdown text',
};

/** Served content types, so a download opens (or saves) as what it is. */
export const MEDIA_TYPES: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  pdf: 'application/pdf',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain',
  md: 'text/markdown',
};

/** Rasters wider than this are scaled down at build: twice the reading column, sharp on any screen. */
export const FIGURE_MAX_WIDTH = 1600;

/** A figure or download of one release, as the site serves it. */
export interface AssetRecord {
  /** `figures/<name>` or `files/<name>`: the path inside the release folder, as authors write it. */
  path: string;
  name: string;
  kind: 'figure' | 'download';
  /** For a reader: "CSV spreadsheet", "PNG image". */
  format: string;
  /** Size of the file served, in bytes. */
  bytes: number;
  /** SHA-256 of the file in the release folder: equal hashes, the same figure or download. */
  hash: string;
  /** Figures only: the size the image is shown at, so the page does not shift while it loads. */
  width?: number;
  height?: number;
  /** Absolute path of the bytes served: the file itself, or its compressed copy in the build cache. */
  served: string;
}

/** The figures and downloads of one release folder, as a page's components look them up. */
export interface ReleaseAssets {
  /** By path inside the release folder (`figures/a.svg`). */
  get(path: string): AssetRecord | undefined;
  /** Files present but refused (too big, unknown kind, unreadable image), with the reason. */
  refused: ReadonlyMap<string, string>;
  list: readonly AssetRecord[];
  /**
   * What a body's output depends on beyond its text: the hashes of the assets it names. Part of the
   * compile key, so a page is compiled again when its figure changes, and only then.
   */
  fingerprint(body: string): string;
}

export const NO_ASSETS: ReleaseAssets = { get: () => undefined, refused: new Map(), list: [], fingerprint: () => '' };

export function releaseAssets(list: readonly AssetRecord[], refused: ReadonlyMap<string, string> = new Map()): ReleaseAssets {
  const byPath = new Map(list.map((asset) => [asset.path, asset]));
  const names = [...list.map((asset) => [asset.path, asset.hash] as const), ...[...refused.keys()].map((path) => [path, 'refused'] as const)];
  return {
    get: (path) => byPath.get(path),
    refused,
    list,
    fingerprint: (body) =>
      names
        .filter(([path]) => body.includes(path))
        .map(([path, hash]) => `${path}:${hash}`)
        .join('\n'),
  };
}

/** "2 KB", "1.4 MB": sizes as a reader thinks of them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const LENGTH = /^\s*([\d.]+)\s*(px)?\s*$/;

/** An SVG's intrinsic size from its width/height, else its viewBox; undefined when it has neither. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const tag = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!tag) return undefined;
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
  const width = LENGTH.exec(attr('width') ?? '')?.[1];
  const height = LENGTH.exec(attr('height') ?? '')?.[1];
  if (width && height) return { width: Math.round(Number(width)), height: Math.round(Number(height)) };
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (box?.length === 4 && box[2] > 0 && box[3] > 0) return { width: Math.round(box[2]), height: Math.round(box[3]) };
  return undefined;
}

/** Anything in an SVG that could run or fetch when it is opened on its own: refused, so the site stays one origin and script-free. */
const SVG_UNSAFE = /<script\b|<foreignObject\b|\son[a-z]+\s*=|javascript:|(?:href|src)\s*=\s*["']\s*(?:https?:|\/\/)/i;

interface Processed {
  bytes: number;
  width: number;
  height: number;
  served: string;
}

/** Rasters compressed once per content hash, in this process and across builds (the cache folder). */
const processing = new BoundedCache<string, Promise<Processed>>(DISTINCT_INPUTS);
let rastersProcessed = 0;

/** How many rasters were compressed in this process; the tests read it. */
export function rasterCount(): number {
  return rastersProcessed;
}

function figureCacheDir(): string {
  return resolve(settings.cacheDir, 'playbook-figures');
}

/**
 * Scales a raster down to FIGURE_MAX_WIDTH and re-encodes it in its own format (metadata such as
 * camera GPS stripped), with sharp, the image library Astro's own image service uses. The original
 * is kept when compressing would not make it smaller.
 */
async function processRaster(source: string, data: Buffer, ext: string, hash: string): Promise<Processed> {
  const dir = figureCacheDir();
  const out = join(dir, `${hash}.${ext}`);
  const meta = join(dir, `${hash}.json`);
  if (existsSync(meta)) {
    const recorded = JSON.parse(readFileSync(meta, 'utf8')) as Processed;
    if (existsSync(recorded.served)) return recorded;
  }
  rastersProcessed++;
  const { default: sharp } = await import('sharp');
  let pipeline = sharp(data).rotate().resize({ width: FIGURE_MAX_WIDTH, withoutEnlargement: true });
  pipeline = ext === 'png' ? pipeline.png({ compressionLevel: 9 }) : ext === 'webp' ? pipeline.webp({ quality: 80 }) : pipeline.jpeg({ quality: 80, mozjpeg: true });
  const { data: output, info } = await pipeline.toBuffer({ resolveWithObject: true });
  const original = await sharp(data).metadata();
  const keepOriginal = output.length >= data.length && info.width === (original.autoOrient?.width ?? original.width);
  mkdirSync(dir, { recursive: true });
  let processed: Processed;
  if (keepOriginal) {
    processed = { bytes: data.length, width: info.width, height: info.height, served: source };
  } else {
    // Written under a temporary name and renamed: a build stopped halfway never leaves half an image.
    writeFileSync(`${out}.tmp`, output);
    renameSync(`${out}.tmp`, out);
    processed = { bytes: output.length, width: info.width, height: info.height, served: out };
  }
  writeFileSync(meta, JSON.stringify(processed));
  return processed;
}

function processOnce(source: string, data: Buffer, ext: string, hash: string): Promise<Processed> {
  return processing.getOrSet(hash, () => processRaster(source, data, ext, hash));
}

/**
 * Reads the figures/ and files/ of a release folder: every file of a known kind, under the size
 * limit, with what a page needs to show it. A file that cannot be published is a problem naming
 * the file and the reason, and is left out.
 */
export async function loadAssets(root: string, folder: string, problems: ContentProblem[]): Promise<ReleaseAssets> {
  const list: AssetRecord[] = [];
  const refused = new Map<string, string>();
  for (const [sub, kind, formats] of [['figures', 'figure', FIGURE_FORMATS], ['files', 'download', DOWNLOAD_FORMATS]] as const) {
    const dir = join(folder, sub);
    if (!existsSync(dir)) continue;
    for (const name of await listFiles(dir)) {
      const path = `${sub}/${name}`;
      const source = join(dir, name);
      const file = relative(root, source).split(sep).join('/');
      const refuse = (message: string) => {
        refused.set(path, message);
        problems.push({ file, field: 'file', message });
      };
      const ext = extname(name).slice(1).toLowerCase();
      const size = statSync(source).size;
      if (name.includes('/')) {
        refuse(`found a file in a sub-folder of ${sub}/; expected every file directly in ${sub}/ (its address is /v/<version>/${sub}/<name>)`);
      } else if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
        refuse(`found the name "${name}"; expected letters, digits, dots, hyphens and underscores only (the name is part of its permanent address)`);
      } else if (!(ext in formats)) {
        refuse(`found a .${ext || '(no extension)'} file; expected one of ${Object.keys(formats).map((e) => `.${e}`).join(', ')} in ${sub}/`);
      } else if (size > ASSET_LIMIT) {
        refuse(`found ${formatBytes(size)}; expected at most ${formatBytes(ASSET_LIMIT)} (compress it, or split it into smaller files)`);
      } else {
        const data = readFileSync(source);
        const hash = hashText(data);
        const base = { path, name, kind, format: formats[ext], hash } as const;
        if (kind === 'download') {
          list.push({ ...base, bytes: size, served: source });
        } else if (ext === 'svg') {
          const svg = data.toString('utf8');
          const dimensions = svgSize(svg);
          if (SVG_UNSAFE.test(svg)) refuse('found a script, an event handler, embedded HTML or an outside address in the SVG; expected a plain drawing (export it again without them)');
          else if (!dimensions) refuse('found an SVG with neither width/height nor a viewBox; expected a viewBox (so the page keeps its place while the image loads)');
          else list.push({ ...base, bytes: size, served: source, ...dimensions });
        } else {
          try {
            list.push({ ...base, ...(await processOnce(source, data, ext, hash)) });
          } catch (error) {
            refuse(`found a .${ext} file that cannot be read as an image (${(error as Error).message}); expected a valid ${formats[ext]}`);
          }
        }
      }
    }
  }
  return releaseAssets(list, refused);
}
