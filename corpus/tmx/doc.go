// Package tmx reads and writes translation memories in TMX, the
// Translation Memory eXchange format of LISA/OSCAR that CAT tools such as
// OmegaT, Trados and memoQ import.
//
// The Writer produces TMX 1.4 valid under the standard's DTD: a header
// naming paralel and the source language, then one <tu> a link holding its
// score, its status, link type, document and sentence position as props
// (x-score, x-status, x-link, x-document, x-position) before one <tuv> a
// language. A pair without a score (corpus.Pair.Unscored) has no x-score,
// and only a link a translator confirmed or edited has an x-status
// ("confirmed" or "edited"); the Reader reads both back. Text is
// written as is; the few characters XML 1.0 cannot carry (most control
// characters) are dropped with a warning naming the segment.
//
// The Reader takes TMX 1.1 to 1.4 as written by other tools, in UTF-8 or
// UTF-16, and streams it: memory stays bounded however large the file.
// From each <tu> it takes the two variants in the languages asked for.
// Inline markup is reduced to the text a translator sees, as CAT tools do
// when they match segments: <bpt>, <ept>, <it>, <ph> and <ut> hold the
// native codes of the original document (such as "<b>" or "{\i "), not
// text, and are left out together with any <sub> in them, which is a
// separate flow of text (a footnote, an alt text) rather than part of the
// sentence; <hi> only marks up text and keeps it. A DOCTYPE is never
// fetched, and one that declares entities is refused, which stops entity
// expansion ("billion laughs") attacks.
package tmx
