target_sources(shiming_widgets PRIVATE
    registration/AgreementPage.h registration/AgreementPage.cpp
    registration/AgreementViewer.h registration/AgreementViewer.cpp
    registration/CameraFeed.h registration/CameraFeed.cpp
    registration/CustomerDisplay.h registration/CustomerDisplay.cpp
    registration/CustomerTypePage.h registration/CustomerTypePage.cpp
    registration/DemoEnvironment.h registration/DemoEnvironment.cpp
    registration/DemoPhotoCodec.h registration/DemoPhotoCodec.cpp
    registration/DemoTour.h registration/DemoTour.cpp
    registration/DocumentPage.h registration/DocumentPage.cpp
    registration/FacePage.h registration/FacePage.cpp
    registration/FaceService.h registration/FaceService.cpp
    registration/PackagePage.h registration/PackagePage.cpp
    registration/RegistrationContext.h
    registration/RegistrationForm.h registration/RegistrationForm.cpp
    registration/RegistrationWizard.h registration/RegistrationWizard.cpp
    registration/SessionText.h registration/SessionText.cpp
    registration/SignaturePad.h registration/SignaturePad.cpp
    registration/SummaryPage.h registration/SummaryPage.cpp
    registration/WizardPage.h
)
# The agreement and fraud-risk notice texts (demo texts; HQ sends the operator's approved ones in production).
qt_add_resources(shiming_widgets shiming_agreements
    PREFIX /shiming/agreements
    BASE ${CMAKE_CURRENT_LIST_DIR}/agreements
    FILES
        ${CMAKE_CURRENT_LIST_DIR}/agreements/service-agreement_zh_CN.html
        ${CMAKE_CURRENT_LIST_DIR}/agreements/service-agreement_en.html
        ${CMAKE_CURRENT_LIST_DIR}/agreements/fraud-notice_zh_CN.html
        ${CMAKE_CURRENT_LIST_DIR}/agreements/fraud-notice_en.html)
# Where the demo data lives when the application runs from the build tree (DemoEnvironment::defaultDemoDir).
target_compile_definitions(shiming_widgets PRIVATE SHIMING_SOURCE_DEMO_DIR="${PROJECT_SOURCE_DIR}/resources/demo")
