// Writes the OLE compound files of the format fixtures with SheetJS cfb
// (npm install cfb@1.2.2; NODE_PATH=node_modules node mkole.js):
//
//   encrypted.docx  what Word saves for a password-protected DOCX: an OLE
//                   file holding EncryptionInfo and EncryptedPackage
//   legacy.doc      a Word 97-2003 file: an OLE file holding WordDocument
//
// The streams hold placeholder bytes; only their names tell the formats.
const CFB = require("cfb");
const fs = require("fs");

function write(name, streams) {
  const cfb = CFB.utils.cfb_new();
  for (const [path, data] of Object.entries(streams)) {
    CFB.utils.cfb_add(cfb, "/" + path, Buffer.from(data, "latin1"));
  }
  fs.writeFileSync(name, CFB.write(cfb, { type: "buffer" }));
}

// EncryptionInfo of agile encryption starts with version 4.4 and flags 0x40.
write("encrypted.docx", {
  EncryptionInfo: "\x04\x00\x04\x00\x40\x00\x00\x00<?xml version=\"1.0\"?><encryption/>",
  EncryptedPackage: "\x10\x00\x00\x00\x00\x00\x00\x00" + "0123456789abcdef",
});
write("legacy.doc", {
  WordDocument: "\xec\xa5\xc1\x00" + "placeholder",
  "1Table": "placeholder",
});
