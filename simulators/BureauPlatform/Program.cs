using SmartPark.BureauPlatform;

BureauPlatformApp.Build(args).Run();
