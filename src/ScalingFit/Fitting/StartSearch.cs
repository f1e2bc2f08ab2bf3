namespace ScalingFit.Fitting;

/// <summary>How a nonlinear fit searches its grid of starting points.</summary>
public enum StartSearch
{
    /// <summary>
    /// Every start runs on a stratified subsample of 512 runs (all runs when there are no more) and
    /// stops when it joins the path of an earlier start; the distinct end points are then refined on
    /// samples 16 times larger in turn up to all runs, dropping those significantly worse than the
    /// best, while a share of the starts runs afresh on each larger sample. Reaches the exhaustive
    /// search's optimum (tested to 1e-9 in objective; on data with many nearly equal optima it can
    /// end lower) at a cost that grows far more slowly with the number of runs. The default.
    /// </summary>
    Screened,

    /// <summary>Every start runs on all runs to its end, as Hoffmann et al. 2022 and the replication did: the definition of the answer, for checking.</summary>
    Exhaustive,
}
