namespace Ctem.Server.Dashboard;

/// <summary>The dashboard's URLs for names that may hold slashes (a product named after its repository, github.com/elastic/harp).</summary>
public static class Links
{
    public static string Product(string name) => "/products/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    public static string Findings(string product) => "/findings?product=" + Uri.EscapeDataString(product);
}
