target_sources(shiming_widgets PRIVATE
    outlet/OutletConfig.h outlet/OutletConfig.cpp
    outlet/OutletEnvironment.h outlet/OutletEnvironment.cpp
    outlet/OutletSync.h outlet/OutletSync.cpp
)
