target_sources(shiming_widgets PRIVATE
    setup/SetupWizard.h setup/SetupWizard.cpp
)
# The setup lists the machine's serial ports (QSerialPortInfo).
target_link_libraries(shiming_widgets PRIVATE Qt6::SerialPort)
