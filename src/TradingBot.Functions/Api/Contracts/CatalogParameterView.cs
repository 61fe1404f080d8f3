namespace TradingBot.Functions.Api.Contracts;

/// <summary>One strategy parameter: its default and allowed range, whether it must be a whole number.</summary>
public sealed record CatalogParameterView(string Name, double Default, double Min, double Max, bool Integer, string Description);
