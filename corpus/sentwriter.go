package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// A SentenceWriter writes sentences one a line, as plain text ("text") or
// as JSON lines ("jsonl") that keep the offsets:
//
//	{"text":"Po.","start":0,"end":3,"para":0}
//
// A sentence's text is written without control characters (see
// StripControls); its offsets still point into the input. Writes are
// buffered; call Flush at the end and check Error.
type SentenceWriter struct {
	// Warn, if not nil, is told of each sentence that lost control
	// characters.
	Warn func(error)

	n   int // sentences written
	w   *bufio.Writer
	enc *json.Encoder // nil for plain text
	err error
}

// Formats that NewSentenceWriter accepts.
var SentenceFormats = []string{"text", "jsonl"}

// NewSentenceWriter returns a writer of sentences to w in format, one of
// SentenceFormats.
func NewSentenceWriter(w io.Writer, format string) (*SentenceWriter, error) {
	sw := &SentenceWriter{w: bufio.NewWriter(w)}
	switch format {
	case "text":
	case "jsonl":
		sw.enc = json.NewEncoder(sw.w)
		sw.enc.SetEscapeHTML(false)
	default:
		return nil, fmt.Errorf("unknown sentence format %q (want text or jsonl)", format)
	}
	return sw, nil
}

// Write writes one sentence.
func (w *SentenceWriter) Write(s Sentence) error {
	if w.err != nil {
		return w.err
	}
	w.n++
	if text, removed := StripControls(s.Text); len(removed) > 0 {
		s.Text = text
		if w.Warn != nil {
			w.Warn(&ControlError{Where: fmt.Sprintf("sentence %d", w.n), Removed: removed})
		}
	}
	if w.enc != nil {
		w.err = w.enc.Encode(struct {
			Text  string `json:"text"`
			Start int    `json:"start"`
			End   int    `json:"end"`
			Para  int    `json:"para"`
		}{s.Text, s.Start, s.End, s.Para})
	} else {
		w.w.WriteString(s.Text)
		w.err = w.w.WriteByte('\n')
	}
	return w.err
}

// Flush writes any buffered data to the underlying writer.
func (w *SentenceWriter) Flush() {
	if w.err == nil {
		w.err = w.w.Flush()
	}
}

// Error reports any error of a previous Write or Flush.
func (w *SentenceWriter) Error() error { return w.err }
