// Package segment cuts text into sentences.
//
// A Splitter looks only at the places where a sentence can end and decides
// each from the word before and the word after it, with what it knows of
// the language: abbreviations, titles, months, sentence starters. That
// knowledge lives in data/<lang>.txt, embedded in the binary, so adding an
// abbreviation needs no code change; languages without a file get generic
// punctuation rules. A Reader joins the splitter to a
// corpus.ParagraphReader to stream the sentences of a whole text, each
// with its byte offsets in the input. HeadlineEnd finds where a headline
// without a full stop ends in text that runs it into the lead (subtitles),
// by sentence starters and the common words of the language's data.
package segment
