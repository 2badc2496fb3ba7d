#pragma once

#include <QString>

namespace shiming {

class DemoEnvironment;
class MainWindow;

/// Walks the demo through one individual registration, saving a PNG of the main window at each step into
/// `directory` (01-login.png … 09-registered.png). For scripts/screenshots.sh (`shiming --demo --screenshots
/// DIR`). Returns the number of screenshots written; each step waits with a deadline, never a fixed sleep.
int runDemoTour(MainWindow& window, DemoEnvironment& demo, const QString& directory);

} // namespace shiming
