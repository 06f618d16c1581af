using Ctem.Cli.Rendering;
using Xunit;

namespace Ctem.Cli.Tests;

public sealed class ColumnLayoutTests
{
    // Shaped like the findings table: required ID, vulnerability and asset; optional version, EPSS and summary.
    private static readonly ColumnDemand[] Columns =
    [
        new(Required: true, Rank: 1, Min: 2, Comfortable: 2, Natural: 2),
        new(Required: true, Rank: 3, Min: 10, Comfortable: 20, Natural: 30),
        new(Required: true, Rank: 2, Min: 14, Comfortable: 14, Natural: 14),
        new(Required: false, Rank: 4, Min: 7, Comfortable: 10, Natural: 12),
        new(Required: false, Rank: 6, Min: 20, Comfortable: 40, Natural: 60),
        new(Required: false, Rank: 5, Min: 6, Comfortable: 6, Natural: 6),
    ];

    public static TheoryData<int, int[]> Cases => new()
    {
        // Everything fits at its comfortable width; what is left widens the columns in rank order, up to their content.
        { 200, [2, 30, 14, 12, 60, 6] },

        // The least important column joins cut, and fills the table.
        { 100, [2, 20, 14, 10, 29, 6] },

        // The summary does not fit even cut: it drops out, and its room widens the more important columns.
        { 80, [2, 30, 14, 12, 0, 6] },
        { 60, [2, 21, 14, 10, 0, 0] },

        // EPSS would fit, but the version, more important, does not: the table ends there.
        { 55, [2, 29, 14, 0, 0, 0] },

        // Too narrow for the required columns at comfortable width: the least important required one is cut first.
        { 40, [2, 14, 14, 0, 0, 0] },

        // Narrower than their minimum: they stay at it, and the table is wider than asked.
        { 30, [2, 10, 14, 0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_Width_DropsLeastImportantThenCuts(int width, int[] expected)
    {
        var widths = ColumnLayout.Fit(Columns, width);

        Assert.Equal(expected, widths);
        Assert.True(ColumnLayout.TableWidth(widths) <= Math.Max(width, ColumnLayout.TableWidth([2, 10, 14])));
    }

    [Theory]
    [InlineData(10, 20, 30, 10, 20)]
    [InlineData(10, 20, 15, 10, 15)]
    [InlineData(10, 20, 6, 6, 6)]
    public void For_ContentNarrowerThanWidths_NeverAsksForMore(int min, int preferred, int content, int expectedMin, int expectedComfortable)
    {
        var demand = ColumnDemand.For(required: true, rank: 1, min, preferred, content);

        Assert.Equal((expectedMin, expectedComfortable, content), (demand.Min, demand.Comfortable, demand.Natural));
    }
}
