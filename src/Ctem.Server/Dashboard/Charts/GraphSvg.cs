using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Ctem.Server.Dashboard.Charts;

/// <summary>The exposure graph as inline SVG: boxes in columns, arrows between them, the attack paths and the cut marked.</summary>
public static class GraphSvg
{
    private const double ColumnWidth = 215;
    private const double RowHeight = 40;
    private const double BoxWidth = 185;
    private const double BoxHeight = 28;
    private const double Margin = 12;
    private const int LabelLength = 28;

    public static IHtmlContent Draw(GraphLayout layout, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var width = (Margin * 2) + (layout.Columns * ColumnWidth) - (ColumnWidth - BoxWidth);
        var height = (Margin * 2) + (layout.Rows * RowHeight) - (RowHeight - BoxHeight);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg class="graph" viewBox="0 0 {N(width)} {N(height)}" width="{N(width)}" height="{N(height)}" role="img" aria-labelledby="graph-t graph-d">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="graph-t">{E(title)}</title><desc id="graph-d">{E(description)}</desc>""");
        svg.Append("""<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L8,4 L0,8 z" /></marker></defs>""");

        // Edges first, the paths' last, so they are drawn over the others.
        foreach (var (from, to, onPath) in layout.Edges.OrderBy(e => e.OnPath))
        {
            var (x1, y1) = (X(from.Column) + BoxWidth, Y(from.Row) + (BoxHeight / 2));
            var (x2, y2) = (X(to.Column), Y(to.Row) + (BoxHeight / 2));
            // A back or sideways edge leaves on the right and comes round into the left side too.
            var bend = Math.Max(40, Math.Abs(x2 - x1) / 2);
            svg.Append(CultureInfo.InvariantCulture, $"""<path class="edge{(onPath ? " on-path" : "")}" d="M{N(x1)},{N(y1)} C{N(x1 + bend)},{N(y1)} {N(x2 - bend)},{N(y2)} {N(x2)},{N(y2)}" marker-end="url(#arrow)" />""");
        }

        foreach (var node in layout.Nodes)
        {
            var classes = $"node k-{node.Node.Kind}{(node.OnPath ? " on-path" : "")}{(node.InCut ? " cut" : "")}{(node.Node.CrownJewel ? " jewel" : "")}";
            // A finding is a step on each deployment it is on: the box says which.
            var label = node.Node.FindingId is { } id
                ? $"#{id.ToString(CultureInfo.InvariantCulture)} {node.Node.Name}{(node.Node.Facts.GetValueOrDefault("deployment") is { } on ? " on " + on.Split('/')[^1] : "")}"
                : node.Node.Name;
            var shown = label.Length > LabelLength ? label[..(LabelLength - 1)] + "…" : label;
            svg.Append(CultureInfo.InvariantCulture, $"""<g class="{classes}"><title>{E($"{node.Node.Kind}: {label}")}</title>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(X(node.Column))}" y="{N(Y(node.Row))}" width="{N(BoxWidth)}" height="{N(BoxHeight)}" rx="5" />""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(X(node.Column) + 8)}" y="{N(Y(node.Row) + 18)}">{E(shown)}</text></g>""");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static double X(int column) => Margin + (column * ColumnWidth);

    private static double Y(int row) => Margin + (row * RowHeight);

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
