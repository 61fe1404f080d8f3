namespace TradingBot.Backtesting.Reports;

/// <summary>The chart library (lightweight-charts, Apache-2.0) embedded at build time from npm, for other pages that draw charts (the dashboard).</summary>
public static class ChartLibrary
{
    public static string Script => ReportAssets.ChartLibrary;

    public static string License => ReportAssets.ChartLibraryLicense;

    public static string Version => ReportAssets.ChartLibraryVersion;
}
