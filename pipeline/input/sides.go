package input

import "errors"

// ErrStdinTwice is the error of CheckPaths for the standard input given
// for both sides.
var ErrStdinTwice = errors.New(`standard input ("-") given for both sides: give at least one of them as a file`)

// CheckPaths refuses the paths of a text and its translation that cannot
// both be read: "-", the standard input, for both, which would give all of
// it to the source and leave the target empty.
func CheckPaths(src, tgt string) error {
	if src == "-" && tgt == "-" {
		return ErrStdinTwice
	}
	return nil
}
