// A paper's active content: links, scripts, form fields and attached files. The pack draws only a
// paper's printed pages (each page's content and the resources it draws with), so the paper's
// opening action, its scripts, its form and its annotations never reach the pack; but resources
// are a graph a hostile file can hang anything on (an action inside a form XObject, a reference back
// to the page and its links), so defusePaper cuts every such thing out of that graph before the
// pages are copied, and says what the paper carried so the pack's divider can tell the board.
import {
  PDFArray,
  PDFCatalog,
  PDFDict,
  PDFName,
  PDFNull,
  PDFPageLeaf,
  PDFPageTree,
  PDFRef,
  PDFStream,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';

/** What a paper carried that the pack leaves out, in the order the divider names them. */
export const ACTIVE_CONTENT_KINDS = ['links', 'scripts', 'form fields', 'attached files'] as const;
export type ActiveContent = (typeof ACTIVE_CONTENT_KINDS)[number];

/** Actions that only take the reader somewhere, and those that work a form; every other kind runs something. */
const LINK_ACTIONS = new Set(['/URI', '/GoTo', '/GoToR', '/GoToE', '/Thread', '/Named']);
const FORM_ACTIONS = new Set(['/SubmitForm', '/ResetForm', '/ImportData']);

/**
 * Keys cut from every dictionary a paper's pages draw with: actions and their triggers,
 * annotations, forms, name trees (where scripts and files are listed) and attached files. None of
 * them changes what a page prints.
 */
const CUT_KEYS = [
  'A',
  'AA',
  'OpenAction',
  'JS',
  'JavaScript',
  'Launch',
  'SubmitForm',
  'URI',
  'Annots',
  'AcroForm',
  'Names',
  'EF',
  'EmbeddedFile',
  'EmbeddedFiles',
].map((key) => PDFName.of(key));

/** Keys of a stream's dictionary that take its data from another file. */
const EXTERNAL_DATA_KEYS = ['F', 'FFilter', 'FDecodeParms'].map((key) => PDFName.of(key));

const ANNOTATION_KINDS: Record<string, ActiveContent> = {
  '/Link': 'links',
  '/Widget': 'form fields',
  '/FileAttachment': 'attached files',
  '/Screen': 'scripts',
  '/Movie': 'scripts',
  '/Sound': 'scripts',
  '/RichMedia': 'scripts',
  '/3D': 'scripts',
};

function actionKind(type: string | undefined): ActiveContent {
  if (type !== undefined && LINK_ACTIONS.has(type)) return 'links';
  if (type !== undefined && FORM_ACTIONS.has(type)) return 'form fields';
  return 'scripts';
}

function nameOf(dict: PDFDict, key: string): string | undefined {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFName ? value.asString() : undefined;
}

function dictOf(object: PDFObject | undefined): PDFDict | undefined {
  if (object instanceof PDFStream) return object.dict;
  return object instanceof PDFDict ? object : undefined;
}

/** Collects what a paper carries, from the document and from what its pages draw with. */
class Finding {
  readonly kinds = new Set<ActiveContent>();
  private readonly seenActions = new Set<PDFDict>();

  /** An action and the actions chained after it (/Next, one or many), followed without recursion. */
  action(object: PDFObject | undefined, doc: PDFDocument): void {
    const queue: PDFObject[] = object ? [object] : [];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      const action = dictOf(doc.context.lookup(next));
      if (!action || this.seenActions.has(action)) continue;
      this.seenActions.add(action);
      const type = nameOf(action, 'S');
      if (type === undefined && !action.has(PDFName.of('JS'))) continue;
      this.kinds.add(actionKind(type));
      const chained = action.lookup(PDFName.of('Next'));
      for (const item of chained instanceof PDFArray ? chained.asArray() : [chained])
        if (item) queue.push(item);
    }
  }

  /** A dictionary of triggers (/AA): each value is an action. */
  triggers(object: PDFObject | undefined, doc: PDFDocument): void {
    const triggers = dictOf(object ? doc.context.lookup(object) : undefined);
    for (const [, value] of triggers?.entries() ?? []) this.action(value, doc);
  }

  annotation(object: PDFObject | undefined, doc: PDFDocument): void {
    const annot = dictOf(object ? doc.context.lookup(object) : undefined);
    if (!annot) return;
    const kind = ANNOTATION_KINDS[nameOf(annot, 'Subtype') ?? ''];
    if (kind) this.kinds.add(kind);
    this.action(annot.get(PDFName.of('A')), doc);
    this.triggers(annot.get(PDFName.of('AA')), doc);
    if (annot.has(PDFName.of('FS'))) this.kinds.add('attached files');
  }

  annotations(object: PDFObject | undefined, doc: PDFDocument): void {
    const annots = object ? doc.context.lookup(object) : undefined;
    if (annots instanceof PDFArray) for (const a of annots.asArray()) this.annotation(a, doc);
  }

  /** A name tree of the catalog (/Names): scripts in /JavaScript, files in /EmbeddedFiles. */
  nameTrees(object: PDFObject | undefined, doc: PDFDocument): void {
    const names = dictOf(object ? doc.context.lookup(object) : undefined);
    if (!names) return;
    if (names.has(PDFName.of('JavaScript'))) this.kinds.add('scripts');
    if (names.has(PDFName.of('EmbeddedFiles'))) this.kinds.add('attached files');
  }

  /** Whatever a cut key held, named as what it was. */
  cut(key: PDFName, value: PDFObject, doc: PDFDocument): void {
    const name = key.asString();
    if (name === '/A' || name === '/OpenAction') this.action(value, doc);
    else if (name === '/AA') this.triggers(value, doc);
    else if (name === '/Annots') this.annotations(value, doc);
    else if (name === '/Names') this.nameTrees(value, doc);
    else if (name === '/AcroForm' || name === '/SubmitForm') this.kinds.add('form fields');
    else if (name === '/URI') this.kinds.add('links');
    else if (['/EF', '/F', '/FFilter', '/FDecodeParms'].includes(name) || name.startsWith('/EmbeddedFile'))
      this.kinds.add('attached files');
    else this.kinds.add('scripts');
  }
}

/**
 * What an object found among a page's resources is, when it is something no page draws with: an
 * action, an annotation, a file, or a page or the document itself (which would bring their links
 * and scripts along). Undefined when it may stay.
 */
function foreignKind(object: PDFObject): ActiveContent | 'page' | undefined {
  if (object instanceof PDFPageLeaf || object instanceof PDFPageTree || object instanceof PDFCatalog)
    return 'page';
  const dict = dictOf(object);
  if (!dict) return undefined;
  const type = nameOf(dict, 'Type');
  if (type === '/Page' || type === '/Pages' || type === '/Catalog') return 'page';
  if (type === '/Action' || dict.has(PDFName.of('JS'))) return 'scripts';
  if (type === '/Annot') return ANNOTATION_KINDS[nameOf(dict, 'Subtype') ?? ''] ?? 'links';
  if (type === '/Filespec' || type === '/EmbeddedFile') return 'attached files';
  return undefined;
}

/** Cuts what a dictionary (or a stream's) holds that no page draws with; returns what is left to walk. */
function defuseDict(object: PDFDict | PDFStream, doc: PDFDocument, finding: Finding): PDFObject[] {
  const dict = object instanceof PDFStream ? object.dict : object;
  const cut = [...CUT_KEYS, ...(object instanceof PDFStream ? EXTERNAL_DATA_KEYS : [])];
  for (const key of cut) {
    const value = dict.get(key);
    if (value === undefined) continue;
    finding.cut(key, value, doc);
    dict.delete(key);
  }
  const left: PDFObject[] = [];
  for (const [key, value] of dict.entries()) {
    if (cutForeign(value, doc, finding)) dict.delete(key);
    else left.push(value);
  }
  return left;
}

/** Cuts (to null, keeping the array's length) what an array holds that no page draws with. */
function defuseArray(array: PDFArray, doc: PDFDocument, finding: Finding): PDFObject[] {
  const left: PDFObject[] = [];
  for (let i = 0; i < array.size(); i++) {
    if (cutForeign(array.get(i), doc, finding)) array.set(i, PDFNull);
    else left.push(array.get(i));
  }
  return left;
}

/**
 * Cuts actions, annotations, forms and files out of everything reachable from a page's resources,
 * in place (the paper is a copy loaded for this pack), and notes what was cut. `seen` is shared by
 * the paper's pages, which share fonts and images.
 */
function defuseResources(resources: PDFDict, doc: PDFDocument, finding: Finding, seen: Set<PDFObject>): void {
  const queue: PDFObject[] = [resources];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const object = next instanceof PDFRef ? doc.context.lookup(next) : next;
    if (object === undefined || seen.has(object)) continue;
    seen.add(object);
    // Pushed one by one: spreading an array of a million entries would overflow the call stack.
    const left =
      object instanceof PDFDict || object instanceof PDFStream
        ? defuseDict(object, doc, finding)
        : object instanceof PDFArray
          ? defuseArray(object, doc, finding)
          : [];
    for (const item of left) queue.push(item);
  }
}

/** Whether a value among the resources is foreign to drawing (and so is to be cut), noting what it was. */
function cutForeign(value: PDFObject, doc: PDFDocument, finding: Finding): boolean {
  const target = value instanceof PDFRef ? doc.context.lookup(value) : value;
  const kind = target === undefined ? undefined : foreignKind(target);
  if (kind === undefined) return false;
  if (kind === 'page') return true;
  if (kind === 'scripts' || kind === 'links') finding.action(value, doc);
  finding.kinds.add(kind);
  return true;
}

/** The paper's own active content, which the pack never copies: its catalog's and its pages'. */
function findDocumentContent(doc: PDFDocument, finding: Finding): void {
  const catalog = doc.catalog;
  finding.action(catalog.get(PDFName.of('OpenAction')), doc);
  finding.triggers(catalog.get(PDFName.of('AA')), doc);
  finding.nameTrees(catalog.get(PDFName.of('Names')), doc);
  if (catalog.has(PDFName.of('AcroForm'))) finding.kinds.add('form fields');
  for (const page of new Set(doc.getPages())) {
    finding.triggers(page.node.get(PDFName.of('AA')), doc);
    finding.annotations(page.node.get(PDFName.of('Annots')), doc);
  }
}

/**
 * Makes a loaded paper safe to draw from: everything its pages' resources reach is stripped of
 * actions, annotations, forms and files. Returns what the paper carried (in the divider's order),
 * whether or not the pack would have copied it: empty for a paper that is only printed pages.
 */
export function defusePaper(doc: PDFDocument): ActiveContent[] {
  const finding = new Finding();
  findDocumentContent(doc, finding);
  const seen = new Set<PDFObject>();
  for (const page of new Set(doc.getPages())) {
    const resources = page.node.Resources();
    if (resources) defuseResources(resources, doc, finding, seen);
  }
  return ACTIVE_CONTENT_KINDS.filter((kind) => finding.kinds.has(kind));
}
