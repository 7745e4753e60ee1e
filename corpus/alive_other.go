//go:build !unix

package corpus

import "os"

// ProcessAlive reports whether a process with this id exists, as far as
// os.FindProcess can tell (on Windows it opens the process; elsewhere it
// says yes, so that nothing of a live process is ever taken for stale).
func ProcessAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
