// Package ascii holds the tests of ASCII text that formats with fixed
// syntax need and the standard library leaves out. They look at bytes:
// the digits of a link type or a subtitle cue number are ASCII ones, not
// any script's.
package ascii

// IsDigits reports whether s is one or more of the digits 0 to 9.
func IsDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
