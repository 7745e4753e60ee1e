package corpus

// DefaultDoubtful is the score under which a link is doubtful unless the
// user says otherwise: the terminal view marks it with "?", a batch summary
// counts it and the review page shows it first. It lives here, below the
// packages that show or count links, so that they all draw the line in the
// same place. On the news of the development sets, links scored under 0.8
// are about 2% of all but hold most of the wrong ones.
const DefaultDoubtful = 0.8
