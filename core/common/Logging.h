#pragma once

#include <QLoggingCategory>

// One category per module. Never log ID numbers, names, photos or keys.
Q_DECLARE_LOGGING_CATEGORY(lcIdentity)
Q_DECLARE_LOGGING_CATEGORY(lcReader)
Q_DECLARE_LOGGING_CATEGORY(lcFace)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcOutlet)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
