#include "core/common/Logging.h"

Q_LOGGING_CATEGORY(lcIdentity, "shiming.identity")
Q_LOGGING_CATEGORY(lcReader, "shiming.reader")
Q_LOGGING_CATEGORY(lcFace, "shiming.face")
Q_LOGGING_CATEGORY(lcStore, "shiming.store")
Q_LOGGING_CATEGORY(lcSync, "shiming.sync")
Q_LOGGING_CATEGORY(lcAuth, "shiming.auth")
Q_LOGGING_CATEGORY(lcOutlet, "shiming.outlet")
Q_LOGGING_CATEGORY(lcUi, "shiming.ui")
