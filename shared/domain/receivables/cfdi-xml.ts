/**
 * Turns an untrusted base64 string into a namespace-resolved element tree, safely: size checked
 * before decoding, strict base64, strict UTF-8, no DTD at all (so no entity can expand and no
 * external one can be fetched), fast-xml-parser with entity processing off. CFDI carries all its
 * data in attributes, so text content is dropped.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CfdiError } from './cfdi-errors.js';

/** Large enough for a receipt relating thousands of documents; far below what a bomb needs. */
export const MAX_CFDI_XML_BYTES = 1024 * 1024;
/** CFDI nests about six levels deep; a deeper document is not a receipt, and depth costs stack. */
const MAX_DEPTH = 32;

export interface XmlElement {
  /** Namespace URI ('' when the element has none). */
  namespace: string;
  localName: string;
  /** Unprefixed attributes, references decoded. Namespace declarations and prefixed attributes are left out. */
  attributes: Readonly<Record<string, string>>;
  children: readonly XmlElement[];
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes base64 (line breaks allowed, as encoders wrap) into the XML text. */
export function decodeBase64Xml(encoded: string): string {
  // 4 base64 characters per 3 bytes, plus room for line breaks: refuse before allocating anything.
  if (encoded.length > Math.ceil(MAX_CFDI_XML_BYTES / 3) * 4 * 1.1) {
    throw new CfdiError('too_large', `the receipt exceeds ${MAX_CFDI_XML_BYTES} bytes`);
  }
  const compact = encoded.replace(/[\r\n\t ]/g, '');
  if (compact === '' || !BASE64.test(compact)) throw new CfdiError('not_base64', 'xml is not a base64 string');
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_CFDI_XML_BYTES) throw new CfdiError('too_large', `the receipt exceeds ${MAX_CFDI_XML_BYTES} bytes`);
  try {
    // CFDI is UTF-8 by law; fatal so that a binary blob is "not XML" rather than mojibake.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CfdiError('not_xml', 'the decoded receipt is not UTF-8 text');
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false, // amounts stay strings: they are read as decimals, never as floats
  parseTagValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
});

/** Parses XML text into its root element. */
export function parseXmlDocument(text: string): XmlElement {
  // Checked on the text, before any parser sees it: a CFDI never has a DTD.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new CfdiError('forbidden_dtd', 'DOCTYPE and ENTITY declarations are not allowed in a CFDI');
  }
  if (XMLValidator.validate(text) !== true) throw new CfdiError('not_xml', 'the receipt is not well-formed XML');
  let nodes: unknown;
  try {
    nodes = parser.parse(text);
  } catch {
    throw new CfdiError('not_xml', 'the receipt is not well-formed XML');
  }
  const roots = orderedElements(nodes);
  if (roots.length !== 1 || !roots[0]) throw new CfdiError('not_xml', 'the receipt must have exactly one root element');
  return toElement(roots[0], new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), 0);
}

/** One entry of fast-xml-parser's preserveOrder output: `{ [qualifiedName]: children, ':@': attributes }`. */
type OrderedNode = Record<string, unknown>;

function orderedElements(value: unknown): Array<[string, OrderedNode]> {
  if (!Array.isArray(value)) return [];
  const elements: Array<[string, OrderedNode]> = [];
  for (const node of value as OrderedNode[]) {
    const name = Object.keys(node).find((key) => key !== ':@');
    // Text, comments and CDATA come as '#text' / '#comment' / '#cdata' entries: not elements.
    if (name && !name.startsWith('#')) elements.push([name, node]);
  }
  return elements;
}

function toElement([qualifiedName, node]: [string, OrderedNode], inherited: ReadonlyMap<string, string>, depth: number): XmlElement {
  if (depth > MAX_DEPTH) throw new CfdiError('not_cfdi', 'the receipt nests elements too deeply');
  const rawAttributes = (node[':@'] ?? {}) as Record<string, string>;
  const scope = new Map(inherited);
  const attributes: Record<string, string> = {};
  for (const [name, raw] of Object.entries(rawAttributes)) {
    if (name === 'xmlns') scope.set('', decodeReferences(raw));
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), decodeReferences(raw));
    else if (!name.includes(':')) attributes[name] = decodeReferences(raw);
  }
  const colon = qualifiedName.indexOf(':');
  const prefix = colon < 0 ? '' : qualifiedName.slice(0, colon);
  const namespace = scope.get(prefix);
  if (namespace === undefined && prefix !== '') throw new CfdiError('not_xml', `undeclared namespace prefix "${prefix}"`);
  return {
    namespace: namespace ?? '',
    localName: qualifiedName.slice(colon + 1),
    attributes,
    children: orderedElements(node[qualifiedName]).map((child) => toElement(child, scope, depth + 1)),
  };
}

const REFERENCE = /&([^;&\s]*);?/g;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes the five predefined entities and character references (entity processing is off in the
 * parser). Each reference becomes at most one character, so nothing can expand; any other name is
 * an undeclared entity, which makes the document not well-formed.
 */
function decodeReferences(value: string): string {
  return value.replace(REFERENCE, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new CfdiError('not_xml', 'a bare "&" in an attribute value');
    const predefined = PREDEFINED[name];
    if (predefined !== undefined) return predefined;
    const code = /^#x([0-9a-f]{1,6})$/i.exec(name)?.[1] ?? /^#(\d{1,7})$/.exec(name)?.[1];
    const point = code === undefined ? NaN : Number.parseInt(code, name.startsWith('#x') || name.startsWith('#X') ? 16 : 10);
    if (Number.isInteger(point) && point > 0 && point <= 0x10ffff && (point < 0xd800 || point > 0xdfff)) {
      return String.fromCodePoint(point);
    }
    throw new CfdiError('not_xml', `undeclared entity reference "&${name};"`);
  });
}

/** The child elements of `parent` with this namespace and local name. */
export function childrenNamed(parent: XmlElement, namespace: string, localName: string): XmlElement[] {
  return parent.children.filter((child) => child.namespace === namespace && child.localName === localName);
}
