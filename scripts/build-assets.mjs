// Copies Designsystemet's built CSS and default theme into build/ds/, where Django's
// staticfiles finds them. Nothing built is committed.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const target = join(import.meta.dirname, "..", "build", "ds");
mkdirSync(target, { recursive: true });
copyFileSync(require.resolve("@digdir/designsystemet-css"), join(target, "designsystemet.css"));
copyFileSync(require.resolve("@digdir/designsystemet-css/theme.css"), join(target, "theme.css"));
console.log(`Designsystemet CSS copied to ${target}`);
