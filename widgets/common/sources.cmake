target_sources(shiming_widgets PRIVATE
    common/Localization.h
    common/Localization.cpp
)
target_sources(shiming_widgets PRIVATE
    common/StatusPanel.h
    common/StatusPanel.cpp
    common/Tone.h
    common/Tone.cpp
    common/WindowSize.h
    common/FileDialogs.h
)
