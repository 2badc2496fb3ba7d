target_sources(shiming_widgets PRIVATE
    login/AccountGate.h
    login/AuthAccountGate.h login/AuthAccountGate.cpp
    login/LoginScreen.h login/LoginScreen.cpp
    login/LockOverlay.h login/LockOverlay.cpp
)
