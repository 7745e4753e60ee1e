// Package english holds the bit of English grammar that the messages of
// the commands need.
package english

// Plural returns word as it goes with the number n: "1 pair", "2 pairs",
// "0 pairs". It only adds an s, which is enough for the nouns the messages
// count.
func Plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
