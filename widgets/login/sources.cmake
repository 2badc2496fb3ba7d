target_sources(shiming_widgets PRIVATE
    login/LoginScreen.h login/LoginScreen.cpp
    login/LockOverlay.h login/LockOverlay.cpp
)
