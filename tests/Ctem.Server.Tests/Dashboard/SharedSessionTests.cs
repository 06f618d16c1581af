using System.Net;
using System.Text.RegularExpressions;
using Ctem.Server.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Ctem.Server.Tests.Dashboard;

/// <summary>Two <c>ctem serve</c> nodes on one database: a request may reach either, and the cookies of one are the other's.</summary>
public sealed partial class SharedSessionTests
{
    private static readonly WebApplicationFactoryClientOptions ByHand = new() { AllowAutoRedirect = false, HandleCookies = false };

    [SkippableTheory]
    [InlineData(Dialect.Sqlite)]
    [InlineData(Dialect.Postgres)]
    public async Task SessionCookie_IssuedByOneNode_IsAcceptedByAnother_WithOneKeyRingInTheDatabase(Dialect dialect)
    {
        if (dialect == Dialect.Postgres)
        {
            Ctem.Testing.Prerequisite.Require(Ctem.Testing.PostgresTestDatabase.UnavailableReason);
        }

        await using var first = await ApiFixture.CreateAsync(dialect);
        await using var second = new WebApplicationFactory<ServerSettings>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Ctem:Database", first.Database.Spec);
            builder.UseSetting("Ctem:ScopeFile", first.ScopeFile);
        });
        using var one = first.Client(ByHand);
        using var two = second.CreateClient(ByHand);

        // The sign-in form (and its anti-forgery cookie) from the first node, posted to the second.
        using var form = await one.GetAsync(new Uri("/sign-in", UriKind.Relative));
        var antiforgery = Cookie(form, "ctem_antiforgery");
        var requestToken = RequestToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = first.Tokens[(ApiFixture.OwnTeam, "reader")], ["__RequestVerificationToken"] = requestToken }),
        };
        signIn.Headers.Add("Cookie", antiforgery);
        using var signedIn = await two.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Cookie(signedIn, "ctem_session");

        // The second node's session opens the portfolio on the first.
        using var portfolio = new HttpRequestMessage(HttpMethod.Get, "/");
        portfolio.Headers.Add("Cookie", session);
        using var opened = await one.SendAsync(portfolio);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains(ApiFixture.OwnProduct, await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var keys = await first.Services.GetRequiredService<EngineServices>().Store.GetDataProtectionKeysAsync(CancellationToken.None);
        Assert.Contains("<key ", Assert.Single(keys), StringComparison.Ordinal);
    }

    // The name=value part of a Set-Cookie header, as a browser sends it back.
    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(h => h.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex RequestToken();
}
