#include "widgets/common/ErrorText.h"

namespace shiming {

QString ErrorText::forClerk(const Error& error)
{
    switch (error.code) {
    case Error::Code::InvalidInput:
        return tr("The input is not valid.");
    case Error::Code::NotFound:
        return tr("The item was not found.");
    case Error::Code::WrongKey:
        return tr("Wrong account or password.");
    case Error::Code::DeviceFault:
        return tr("A device is not working. Check the cable and try again.");
    case Error::Code::StorageFailure:
        return tr("The record could not be saved. Nothing was lost; call support if this repeats.");
    case Error::Code::SyncFailure:
        return tr("Headquarters cannot be reached. Registrations are kept and sent later.");
    case Error::Code::PolicyRefused:
        return tr("The rules do not allow this registration.");
    }
    return tr("Unexpected error.");
}

} // namespace shiming
