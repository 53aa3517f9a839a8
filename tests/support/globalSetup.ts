// Runs once before vitest starts its workers: unpacks the npm Chromium (or checks CHROMIUM_PATH),
// so two test files opening a browser at the same moment both find it ready.
import { findChromium } from '../../electron/launch/chromium';

export default function setup(): void {
  findChromium();
}
