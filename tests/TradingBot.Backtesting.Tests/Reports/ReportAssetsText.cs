using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Reports;

/// <summary>The chart library and its license exactly as npm installed them (what the report must embed unmodified).</summary>
internal static class ReportAssetsText
{
    private static readonly string Package = Path.Combine(RepositoryPaths.Root, "node_modules", "lightweight-charts");

    public static string Library { get; } = File.ReadAllText(Path.Combine(Package, "dist", "lightweight-charts.standalone.production.js"));

    public static string LibraryLicense { get; } = File.ReadAllText(Path.Combine(Package, "LICENSE"));
}
