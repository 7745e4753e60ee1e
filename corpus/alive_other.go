//go:build !unix

package corpus

// processAlive cannot tell here, so it says yes: a temporary file is only
// removed when its process is known to be gone.
func processAlive(pid int) bool { return true }
