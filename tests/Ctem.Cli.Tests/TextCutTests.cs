using Ctem.Cli.Rendering;
using Xunit;

namespace Ctem.Cli.Tests;

public sealed class TextCutTests
{
    [Theory]
    [InlineData("CVE-2021-44228", 14, CutAt.End, "CVE-2021-44228")]
    [InlineData("containerd CRI plugin: Insecure handling of image volumes", 20, CutAt.End, "containerd CRI plug…")]
    [InlineData("Go:github.com/containerd/containerd", 22, CutAt.Middle, "Go:github.…/containerd")]
    [InlineData("default/Deployment/redis-follower", 29, CutAt.Middle, "default/Deploy…redis-follower")]
    [InlineData("Debian:bash", 30, CutAt.Middle, "Debian:bash")]

    // Wide characters take two cells: a cut never splits one, nor leaves the line wider than asked.
    [InlineData("漢字のテキスト", 7, CutAt.End, "漢字の…")]
    [InlineData("漢字のテキスト", 8, CutAt.End, "漢字の…")]
    [InlineData("漢字のテキスト", 7, CutAt.Middle, "漢字…ト")]
    [InlineData("abc", 1, CutAt.End, "…")]
    [InlineData("abc", 0, CutAt.End, "")]
    public void ToWidth_TooLong_CutWithEllipsis(string text, int width, CutAt cutAt, string expected)
    {
        var cut = TextCut.ToWidth(text, width, cutAt);

        Assert.Equal(expected, cut);
        Assert.True(TextCut.Width(cut) <= width);
    }

    [Theory]
    [InlineData("plain title", "plain title")]
    [InlineData("first line\nsecond line", "first line second line")]
    [InlineData("tab\tand\r\nCRLF", "tab and CRLF")]
    [InlineData("\u001b[31mred\u001b[0m", "[31mred [0m")]
    public void OneLine_ControlCharacters_BecomeSpaces(string text, string expected) =>
        Assert.Equal(expected, TextCut.OneLine(text));
}
