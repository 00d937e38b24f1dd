import { SaxesParser } from 'saxes';

/** The first well-formedness error of an XML document (saxes checks XML 1.0, characters included), or undefined. */
export function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser();
  let error: string | undefined;
  parser.on('error', (found) => {
    error ??= found.message;
  });
  try {
    parser.write(xml).close();
  } catch (thrown) {
    error ??= (thrown as Error).message;
  }
  return error;
}
