namespace TradingBot.Functions.Api.Contracts;

/// <summary>A strategy the catalog can build, with its parameters' defaults and ranges.</summary>
public sealed record CatalogStrategyView(string Name, string Description, IReadOnlyList<CatalogParameterView> Parameters);
