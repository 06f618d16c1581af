using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Ctem.Server.Dashboard.Charts;

/// <summary>One line or bar series: its name (the legend and the accessible text), its CSS class (the colour) and values.</summary>
public sealed record Series(string Name, string CssClass, IReadOnlyList<double> Values);

/// <summary>
/// Charts drawn on the server as inline SVG: no script and no asset to fetch. Each has a title and a description
/// for screen readers; the pages show the numbers in a table beside each chart as well.
/// </summary>
public static class Svg
{
    private const double Width = 640, Height = 220, Left = 40, Right = 10, Top = 10, Bottom = 30;

    /// <summary>A small line without axes, for a table cell.</summary>
    public static IHtmlContent Sparkline(IReadOnlyList<double> values, string label)
    {
        const double w = 100, h = 24;
        var max = Math.Max(1, values.DefaultIfEmpty(0).Max());
        var points = string.Join(' ', values.Select((v, i) => $"{N(values.Count == 1 ? w / 2 : i * w / (values.Count - 1))},{N(h - 2 - (v / max * (h - 4)))}"));
        return new HtmlString($"""<svg class="sparkline" viewBox="0 0 {N(w)} {N(h)}" width="100" height="24" role="img" aria-label="{E(label)}"><title>{E(label)}</title><polyline points="{points}" /></svg>""");
    }

    /// <summary>Lines over the same x labels (weeks), with a y axis from 0.</summary>
    public static IHtmlContent Lines(string title, IReadOnlyList<string> labels, IReadOnlyList<Series> series) =>
        Chart(title, labels, series, bars: false);

    /// <summary>Grouped bars over the same x labels.</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<Series> series) =>
        Chart(title, labels, series, bars: true);

    private static HtmlString Chart(string title, IReadOnlyList<string> labels, IReadOnlyList<Series> series, bool bars)
    {
        var max = NiceMax(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var step = labels.Count == 0 ? plotWidth : plotWidth / labels.Count;
        double X(int i) => Left + (step * i) + (step / 2);
        double Y(double v) => Top + plotHeight - (v / max * plotHeight);
        var svg = new StringBuilder();
        var description = string.Join("; ", series.Select(s => $"{s.Name}: {string.Join(", ", s.Values.Select(v => N(v)))}"));
        svg.Append(CultureInfo.InvariantCulture, $"""<svg class="chart" viewBox="0 0 {N(Width)} {N(Height)}" role="img" aria-labelledby="{Id(title)}-t {Id(title)}-d">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{Id(title)}-t">{E(title)}</title><desc id="{Id(title)}-d">{E(description)}</desc>""");
        foreach (var tick in new[] { 0, max / 2, max })
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="grid" x1="{N(Left)}" x2="{N(Width - Right)}" y1="{N(Y(tick))}" y2="{N(Y(tick))}" /><text class="axis" x="{N(Left - 4)}" y="{N(Y(tick) + 4)}" text-anchor="end">{N(tick)}</text>""");
        }

        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / 8.0));
        for (var i = 0; i < labels.Count; i += every)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="axis" x="{N(X(i))}" y="{N(Height - 10)}" text-anchor="middle">{E(labels[i])}</text>""");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var values = series[s].Values;
            if (bars)
            {
                var barWidth = step * 0.8 / series.Count;
                for (var i = 0; i < values.Count; i++)
                {
                    var x = X(i) - (step * 0.4) + (s * barWidth);
                    svg.Append(CultureInfo.InvariantCulture, $"""<rect class="{series[s].CssClass}" x="{N(x)}" y="{N(Y(values[i]))}" width="{N(barWidth)}" height="{N(Y(0) - Y(values[i]))}" />""");
                }
            }
            else
            {
                var points = string.Join(' ', values.Select((v, i) => $"{N(X(i))},{N(Y(v))}"));
                svg.Append(CultureInfo.InvariantCulture, $"""<polyline class="line {series[s].CssClass}" points="{points}" />""");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    // 0–max rounded up to 1, 2 or 5 times a power of ten, so the axis reads in round numbers.
    private static double NiceMax(double max)
    {
        if (max <= 1)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * power).First(m => m >= max);
    }

    private static string Id(string title) => "c" + string.Concat(title.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
