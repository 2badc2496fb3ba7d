# The shimingctl command table; each feature contributes a function returning its commands.
target_sources(shiming_core PRIVATE
    cli/CoreCommands.h
    cli/CoreCommands.cpp
)
