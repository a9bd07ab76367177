import { SaxesParser } from "saxes";
import { ImportInputError } from "../types.ts";
import { readText } from "./text.ts";

/** A small element tree for one record (an INDIVIDUAL, a DistinctParty, ...): never the whole document. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  line: number;
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}
/** Trimmed text of a child element, or undefined when absent or empty. */
export function text(node: XmlNode | undefined, name?: string): string | undefined {
  const target = name ? child(node, name) : node;
  const t = target?.text.trim();
  return t ? t : undefined;
}

export interface XmlRoot {
  name: string;
  attrs: Record<string, string>;
}

/**
 * Streams an XML file and yields, one at a time, the subtrees of the elements named in `names` (the outermost
 * match), so memory holds one record, not the document. `onRoot` sees the document element first (for a
 * format check). Malformed or truncated XML is an ImportInputError naming the file and line.
 */
export async function* xmlRecords(file: string, names: Set<string>, onRoot?: (root: XmlRoot) => void): AsyncGenerator<XmlNode> {
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  const ready: XmlNode[] = [];
  let capturing = 0;
  let depth = 0;
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag) => {
    depth++;
    const attrs = tag.attributes as Record<string, string>;
    if (depth === 1) onRoot?.({ name: tag.name, attrs });
    if (capturing === 0 && !names.has(tag.name)) return;
    capturing++;
    const node: XmlNode = { name: tag.name, attrs, children: [], text: "", line: parser.line };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on("text", (t) => {
    if (capturing) (stack.at(-1) as XmlNode).text += t;
  });
  parser.on("cdata", (t) => {
    if (capturing) (stack.at(-1) as XmlNode).text += t;
  });
  parser.on("closetag", () => {
    depth--;
    if (!capturing) return;
    capturing--;
    const node = stack.pop() as XmlNode;
    if (capturing === 0) ready.push(node);
  });
  const fail = (e: Error): never => {
    const m = /^(?:.*?:)?(\d+):(\d+): (.*)$/s.exec(e.message);
    const line = m ? Number(m[1]) : parser.line;
    const detail = m ? m[3] : e.message;
    if (/unclosed tag|unexpected end/i.test(detail)) {
      throw new ImportInputError(file, `line ${line}`, `the XML ends before its elements are closed (truncated file): ${detail}`);
    }
    throw new ImportInputError(file, `line ${line}`, `not well-formed XML: ${detail}`);
  };
  try {
    for await (const chunk of readText(file)) {
      parser.write(chunk as string);
      if (failure) fail(failure);
      while (ready.length) yield ready.shift() as XmlNode;
    }
    parser.close();
  } catch (error) {
    if (error instanceof ImportInputError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new ImportInputError(file, "", "no such file");
    fail(error as Error);
  }
  if (failure) fail(failure);
  if (depth !== 0) throw new ImportInputError(file, `line ${parser.line}`, "the XML ends before its elements are closed (truncated file)");
  while (ready.length) yield ready.shift() as XmlNode;
}
