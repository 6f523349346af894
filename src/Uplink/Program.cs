using SmartPark.Hj212;
using SmartPark.Uplink;

// `hj212-check`: frames one per line on stdin, a verdict per frame, exit 1 if any is bad.
if (args is ["hj212-check", ..])
{
    using var stdin = Console.OpenStandardInput();
    return Hj212Check.Run(stdin, Console.Out);
}

UplinkApp.Build(args).Run();
return 0;
