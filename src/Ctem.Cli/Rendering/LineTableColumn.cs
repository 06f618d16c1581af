using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary>
/// A column of a one-line-per-row table (findings, runs, changes). <see cref="Rank"/> says how important it is (1 = most): when the terminal is narrow
/// the highest ranks drop out first, and a <see cref="Required"/> column never does, it is cut instead, down to
/// <see cref="MinWidth"/>. <see cref="PreferredWidth"/> is the width it takes before less important columns get room; it
/// grows past that only into room they leave.
/// </summary>
public sealed record LineTableColumn<T>(string Header, int Rank, int MinWidth, int PreferredWidth, Func<T, string> Cell)
{
    public bool Required { get; init; }

    public Justify Alignment { get; init; } = Justify.Left;

    public CutAt CutAt { get; init; } = CutAt.End;

    /// <summary>Whether the column is worth a place for these rows at all; by default, when some row has a value for it.</summary>
    public Func<IReadOnlyList<T>, bool>? ShownFor { get; init; }

    public bool IsShownFor(IReadOnlyList<T> rows) =>
        ShownFor?.Invoke(rows) ?? rows.Any(r => Cell(r).Length > 0);
}
