import { z } from 'astro/zod';
import { extname } from 'node:path';
import { formatBytes, MEDIA_TYPES } from '../assets.ts';
import { assetFor } from './figure.ts';
import { element, text, type ComponentDefinition } from './types.ts';

const props = z.strictObject({
  src: z
    .string({ error: 'expected src="files/<file>", a file in the release folder\'s files/' })
    .regex(/^files\/[^/\\]+$/, { error: 'expected files/<file>, a file directly in the release folder\'s files/ (e.g. files/encounter-log.csv)' })
    .describe('The file, in the release folder: files/<file> (.pdf, .csv, .xlsx, .docx, .odt, .txt or .md).'),
  title: z.string({ error: 'expected a quoted title, e.g. title="Encounter log (CSV)"' }).min(1, { error: 'expected a title that is not empty' }).optional().describe('What the file is, for a reader; the file name when absent.'),
});

/** A template or handout from the release's files/: its title, file name, kind and size, at a permanent address. */
export const Download: ComponentDefinition<typeof props> = {
  name: 'Download',
  description: 'A file from the release folder\'s files/, shown with its name, kind and size.',
  props,
  transform(node, { src, title }, context) {
    const asset = assetFor(node, 'Download', src, context);
    context.use(src);
    const name = src.slice('files/'.length);
    const meta = asset ? `${name} · ${asset.format} · ${formatBytes(asset.bytes)}` : name;
    const type = MEDIA_TYPES[extname(name).slice(1).toLowerCase()];
    node.data = {
      hName: 'p',
      hProperties: { className: ['download'] },
      hChildren: [
        element('a', { href: `../${src}`, className: ['download-link'], ...(type ? { type } : {}) }, [
          element('span', { className: ['download-title'] }, [text(title ?? name)]),
        ]),
        text(' '),
        element('span', { className: ['download-meta'] }, [text(meta)]),
      ],
    };
    node.children = [];
  },
};
