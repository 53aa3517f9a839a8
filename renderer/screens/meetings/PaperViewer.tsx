// One paper read in the window (a blob: URL in a frame, as the pack screen shows a draft), with a
// button to save a copy; the desktop app opens no second window.
import { useEffect, useMemo, useRef } from 'react';
import type { Paper } from '../../../shared/contract';
import { base64ToBlob, saveAs } from '../pack/pdf';

export interface OpenPaper {
  paper: Paper;
  fileName: string;
  pdfBase64: string;
}

export function PaperViewer({ opened, onClose }: { opened: OpenPaper; onClose(): void }) {
  const url = useMemo(() => URL.createObjectURL(base64ToBlob(opened.pdfBase64)), [opened.pdfBase64]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  useEffect(() => headingRef.current?.focus(), [url]);

  return (
    <div className="paper-viewer" data-testid="paper-viewer">
      <div className="card-head">
        <h3 ref={headingRef} tabIndex={-1}>
          {opened.paper.title}
        </h3>
        <div className="button-row">
          <button type="button" className="button" onClick={() => saveAs(opened.pdfBase64, opened.fileName)}>
            Save a copy<span className="visually-hidden"> of {opened.paper.title}</span>
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close<span className="visually-hidden"> {opened.paper.title}</span>
          </button>
        </div>
      </div>
      <iframe className="pdf-frame" title={`Paper: ${opened.paper.title}`} src={url} />
    </div>
  );
}
