using SmartPark.Dashboard;
using SmartPark.Dashboard.Auth;
using SmartPark.Dashboard.Supervision.RegistryFile;

// `hash-password`: read a password on stdin (so it stays out of shell history and ps) and print
// the hash for the users file.
if (args is ["hash-password", ..])
{
    var password = Console.In.ReadLine();
    if (string.IsNullOrEmpty(password))
    {
        Console.Error.WriteLine("hash-password: give the password on stdin");
        return 2;
    }
    Console.WriteLine(UserStore.Hash(password));
    return 0;
}

// `parks migrate|import FILE|export FILE`: the park database and its registry YAML, no host started.
if (args is ["parks", .. var parksArgs])
    return await ParksCommand.RunAsync(parksArgs, Console.Out, Console.Error);

DashboardApp.Build(args).Run();
return 0;
