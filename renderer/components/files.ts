// Files between the person and the contract: a chosen file becomes { fileName, base64 }, and a
// file the app made is offered as a download (Electron asks where to save it).
export interface FilePayload {
  fileName: string;
  base64: string;
}

export async function readUpload(file: File): Promise<FilePayload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return { fileName: file.name, base64: window.btoa(binary) };
}

export function offerDownload({ fileName, base64 }: FilePayload, type = 'application/octet-stream'): void {
  const binary = window.atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
