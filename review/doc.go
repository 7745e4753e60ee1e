// Package review serves the page on which a translator checks and fixes an
// alignment before it enters a translation memory.
//
// The alignment is a list of Rows, one per link, each holding the indices of
// its source and target sentences. The translator's fixes (join, split, move
// a sentence, mark a side as unmatched, confirm) are pure functions on that
// list. A fix turns the rows it touches into fixed points; the other rows are
// then re-aligned around them, so that one fix can repair its neighbours. A
// Session keeps the sentences and the rows, autosaves them to a session file
// after every change and writes the chosen export through the format
// writers. A review begun from an export keeps its Origin, so that Save
// writes back unchanged the units the review did not change. A Server puts the session behind a small JSON API and an embedded
// page, reachable only from this machine and only with the session's token.
package review
