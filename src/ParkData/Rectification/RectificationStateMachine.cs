namespace SmartPark.ParkData.Rectification;

/// <summary>
/// The one place that says which step an order may take from which state: open → replied (the
/// enterprise's reply) → verified (the operator checked on site) → closed; a verification that
/// finds the hazard still there sends a replied order back to open, and a rejection must say why.
/// Pure, so every path is unit-tested.
/// </summary>
public static class RectificationStateMachine
{
    /// <summary>The state after <paramref name="action"/> from <paramref name="state"/>, or null when the step is not allowed there.</summary>
    public static string? Next(string state, string action) => (state, action) switch
    {
        (RectificationStates.Open, RectificationActions.Replied) => RectificationStates.Replied,
        (RectificationStates.Replied, RectificationActions.Verified) => RectificationStates.Verified,
        (RectificationStates.Replied, RectificationActions.Rejected) => RectificationStates.Open,
        (RectificationStates.Verified, RectificationActions.Closed) => RectificationStates.Closed,
        // Notes, photos and a new reply link do not move the order, and a closed one takes none.
        (not RectificationStates.Closed, RectificationActions.EvidenceAdded or RectificationActions.LinkIssued) => state,
        _ => null,
    };

    /// <summary>Whether a step must carry a note: a rejection says what is still wrong, a reply what was done.</summary>
    public static bool NeedsNote(string action) => action is RectificationActions.Rejected or RectificationActions.Replied;

    /// <summary>The steps open from <paramref name="state"/> that move it (for the page's buttons).</summary>
    public static IReadOnlyList<string> Moves(string state) =>
        [.. new[] { RectificationActions.Replied, RectificationActions.Verified, RectificationActions.Rejected, RectificationActions.Closed }
            .Where(a => Next(state, a) is not null)];
}
