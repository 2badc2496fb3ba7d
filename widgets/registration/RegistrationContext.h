#pragma once

#include "core/registration/RegistrationSession.h"

#include <functional>

namespace shiming::reader {
class IdCardReader;
}

namespace shiming {

class CameraFeed;
class FaceService;

/// Everything the registration screens use, handed in by the composition root (app/shiming/main.cpp) or by a
/// test with fakes. Nothing is owned here.
struct RegistrationContext {
    registration::SessionServices services; ///< per-session services (clerk filled in at login)
    reader::IdCardReader* reader = nullptr; ///< may be null: manual entry only
    CameraFeed* camera = nullptr;           ///< may be null: no face capture, scans from files
    FaceService* face = nullptr;            ///< may be null or unavailable: faces go to a manager
    /// Checks a manager's credentials on the spot; returns the manager's account name.
    std::function<Result<QString>(const QString& user, const QByteArray& password)> approveAsManager;
    /// Asks the clerk a yes/no question (tests answer without a dialog).
    std::function<bool(const QString& question)> confirm;
    /// Asks for a file to attach; tests return a path without a dialog.
    std::function<QString(const QString& title)> chooseFile;
};

} // namespace shiming
