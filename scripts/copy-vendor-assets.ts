// Copies the browser's third-party files (Swagger UI) from node_modules into public/vendor.
import { copyVendorAssets } from "./lib/vendor-assets";

const copied = copyVendorAssets();
console.log(copied > 0 ? `copied ${copied} vendor file(s) into public/vendor` : "public/vendor is up to date");
