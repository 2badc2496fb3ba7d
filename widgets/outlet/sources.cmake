target_sources(shiming_widgets PRIVATE
    outlet/OutletEnvironment.h outlet/OutletEnvironment.cpp
)
