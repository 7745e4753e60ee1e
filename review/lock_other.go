//go:build !unix

package review

import "os"

// processAlive reports whether a process with this id exists, as far as
// os.FindProcess can tell (on Windows it opens the process).
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
