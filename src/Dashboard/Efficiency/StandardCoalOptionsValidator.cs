using Microsoft.Extensions.Options;
using SmartPark.Efficiency.StandardCoal;

namespace SmartPark.Dashboard.Efficiency;

/// <summary>Section <c>Efficiency:StandardCoal</c> checked at start from its annotations.</summary>
[OptionsValidator]
public sealed partial class StandardCoalOptionsValidator : IValidateOptions<StandardCoalOptions>;
