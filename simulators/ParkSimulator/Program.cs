using SmartPark.Simulator;
using SmartPark.Simulator.Commands;

// simulate run --park FILE [options]          a park's devices, no scenario
// simulate run SCENARIO.yaml [--check]        a scenario against a running system
// simulate generate [options]                 a park file and its registry from a few parameters
// simulate generate district [options]        a district's parks, enterprises and projects into the park database
// simulate generate efficiency [options]      a district's efficiency year: economics, agreements, meters and their readings
// simulate load --devices N --sensors K --rate R   many devices, one connection each
// simulate device-password DEVICE             the password SMARTPARK_DEVICE_SECRET gives DEVICE
const string Usage = """
    usage: simulate run --park FILE [options]       run a park (simulate run --help)
           simulate run SCENARIO.yaml [--check]     run a scenario, optionally checking the system
           simulate generate [options]              generate a park and its registry (simulate generate --help)
           simulate generate district [options]     generate a district into the park database (simulate generate district --help)
           simulate generate efficiency [options]   a district's efficiency year (simulate generate efficiency --help)
           simulate load --devices N [options]      connection and throughput load (simulate load --help)
           simulate device-password DEVICE          print a device's derived password
    """;
switch (args)
{
    case ["device-password", var deviceId]:
        if (Environment.GetEnvironmentVariable(DevicePasswords.SecretVariable) is not { Length: > 0 } demoSecret)
        {
            Console.Error.WriteLine($"simulate: set {DevicePasswords.SecretVariable}");
            return 2;
        }
        Console.WriteLine(DevicePasswords.Derive(demoSecret, deviceId));
        return 0;
    case ["run", "--help", ..]:
        Console.WriteLine(ParkCommand.Usage + Environment.NewLine + ScenarioCommand.Usage);
        return 0;
    case ["run", var scenario, .. var rest] when !scenario.StartsWith("--", StringComparison.Ordinal):
        return await ScenarioCommand.RunAsync(scenario, rest);
    case ["run", .. var rest]:
        return await ParkCommand.RunAsync(rest);
    case ["generate", "district", .. var rest]:
        return await GenerateDistrictCommand.RunAsync(rest);
    case ["generate", "efficiency", .. var rest]:
        return await GenerateEfficiencyCommand.RunAsync(rest);
    case ["generate", .. var rest]:
        return await GenerateCommand.RunAsync(rest);
    case ["load", .. var rest]:
        return await LoadCommand.RunAsync(rest);
    default:
        Console.Error.WriteLine(Usage);
        return args is ["--help"] ? 0 : 2;
}
