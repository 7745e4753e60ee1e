package batch

import (
	"fmt"
	"io"

	"github.com/paralel/paralel/corpus"
)

// LoadInputs is Load for the inputs a command is given, where the one input
// "-" is stdin: a list, whose documents it returns, or a stream of documents
// as JSON lines (see Sniff), which it returns as a DocReader to be read as
// the run goes rather than all at once.
func LoadInputs(inputs []string, stdin io.Reader, mode corpus.Mode) ([]Doc, *DocReader, error) {
	if len(inputs) != 1 || inputs[0] != "-" {
		docs, err := Load(inputs, mode)
		return docs, nil, err
	}
	r, isDocs, err := Sniff(stdin)
	if err != nil {
		return nil, nil, fmt.Errorf("stdin: %w", err)
	}
	if isDocs {
		return nil, NewDocReader(r), nil
	}
	docs, err := ReadList(r, "stdin", ".")
	return docs, nil, err
}
